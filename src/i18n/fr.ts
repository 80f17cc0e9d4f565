// French, worded to read naturally in Québec and in France ("vous"; no "sécuritaire"/"sécurisé").
// Built on its own into dist/locales/fr.js and loaded on demand (see locale.ts). Same keys as
// en.ts: the type makes a missing key a compile error. Colons and semicolons take a no-break
// space before them (U+00A0), as both Québec and France typography want.
import type { Messages } from './en.js';
import type { PluralForms } from './plural.js';

export const fr: Messages = {
  heading: 'Rencontrez-vous à un poste de police',
  loading: 'Recherche de lieux de rencontre sûrs…',
  idle: 'Ajoutez l’emplacement de l’annonce pour voir des lieux de rencontre sûrs à proximité.',
  best: 'Le meilleur choix pour vous deux',
  bestSellerOnly: 'Le plus proche de l’annonce',
  suggestions: 'Postes suggérés',
  fromYou: (distance) => `à ${distance} de vous`,
  fromListing: (distance) => `à environ ${distance} de l’annonce`,
  forSeller: (distance) => `environ ${distance} pour le vendeur`,
  forBuyer: (distance) => `environ ${distance} pour l’acheteur`,
  select: 'Proposer ce poste',
  share: 'Copier le message',
  shareNative: 'Partager',
  copied: 'Message copié',
  copyManually: 'Copiez ce message\u00a0:',
  directions: 'Itinéraire',
  directionsTo: (name) => `Itinéraire vers ${name} (s’ouvre dans un nouvel onglet)`,
  locate: 'Utiliser ma position',
  locating: 'Recherche de votre position…',
  retry: 'Réessayer',
  dataSources: 'Sources des données sur les postes',
  shareText: (name, address, url) =>
    `Rendez-vous à ${name}, ${address}. C’est une zone d’échange sûre de la police\u00a0: lieu public, éclairé et sous vidéosurveillance. Itinéraire\u00a0: ${url}`,
  errors: {
    'dataset-fetch': 'Impossible de charger la liste des lieux de rencontre sûrs. Vérifiez votre connexion et réessayez.',
    'dataset-invalid': 'La liste des lieux de rencontre sûrs est endommagée\u00a0: aucun poste ne peut être suggéré.',
    'location-invalid': 'Un emplacement fourni à ce module n’est pas valide\u00a0: aucun poste ne peut être suggéré.',
    'geolocation-denied': 'Votre navigateur n’a pas partagé votre position. Vous pouvez l’autoriser dans les paramètres du site, puis réessayer.',
    'geolocation-unavailable': 'Votre position est introuvable pour le moment. Réessayez dans un instant.',
    'no-station': 'Aucun poste d’échange sûr n’est assez proche de vous deux.',
    'option-invalid': 'Ce module a une option qu’il ne reconnaît pas\u00a0; il utilise la valeur par défaut.',
  },
  open247: 'Ouvert 24 h/24, 7 j/7',
  openNow: 'Ouvert maintenant',
  openUntil: (time) => `Ouvert · jusqu’à ${time}`,
  closedNow: 'Fermé',
  closedOpens: (when) => `Fermé · ouvre ${when}`,
  hoursAsWritten: (hours) => `Horaires\u00a0: ${hours}`,
  closedDay: 'fermé',
  midnight: 'minuit',
  stationCount: { one: '# poste à proximité', many: '# de postes à proximité', other: '# postes à proximité' } as PluralForms,
};

export default fr;
