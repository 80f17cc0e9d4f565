// Spanish (neutral Latin American, "tú"). Built on its own into dist/locales/es.js and loaded
// on demand (see locale.ts). Same keys as en.ts: the type makes a missing key a compile error.
import type { Messages } from './en.js';
import type { PluralForms } from './plural.js';

export const es: Messages = {
  heading: 'Reúnanse en un punto seguro de la policía',
  loading: 'Buscando lugares seguros para reunirse…',
  idle: 'Agrega la ubicación del anuncio para ver lugares seguros cerca.',
  best: 'La mejor opción para ambos',
  bestSellerOnly: 'La más cercana al anuncio',
  suggestions: 'Estaciones sugeridas',
  fromYou: (distance) => `a ${distance} de ti`,
  fromListing: (distance) => `a unos ${distance} del anuncio`,
  forSeller: (distance) => `unos ${distance} para el vendedor`,
  forBuyer: (distance) => `unos ${distance} para el comprador`,
  select: 'Sugerir esta estación',
  share: 'Copiar mensaje',
  shareNative: 'Compartir',
  copied: 'Mensaje copiado',
  copyManually: 'Copia este mensaje:',
  directions: 'Cómo llegar',
  directionsTo: (name) => `Cómo llegar a ${name} (se abre en una pestaña nueva)`,
  locate: 'Usar mi ubicación',
  locating: 'Buscando tu ubicación…',
  retry: 'Reintentar',
  dataSources: 'Fuentes de los datos de las estaciones',
  shareText: (name, address, url) =>
    `Nos vemos en ${name}, ${address}. Es un punto de intercambio seguro de la policía: público, iluminado y con cámaras. Cómo llegar: ${url}`,
  errors: {
    'dataset-fetch': 'No se pudo cargar la lista de lugares seguros. Revisa tu conexión e inténtalo de nuevo.',
    'dataset-invalid': 'La lista de lugares seguros está dañada, así que no se puede sugerir ninguna estación.',
    'location-invalid': 'Una ubicación que recibió este widget no es válida, así que no se puede sugerir ninguna estación.',
    'geolocation-denied': 'Tu navegador no compartió tu ubicación. Puedes permitirlo en la configuración del sitio e intentarlo de nuevo.',
    'geolocation-unavailable': 'No pudimos encontrar tu ubicación en este momento. Inténtalo de nuevo en un rato.',
    'no-station': 'No hay ningún punto de intercambio seguro lo bastante cerca de ambos.',
    'option-invalid': 'Este widget tiene una opción que no reconoce; usa el valor predeterminado.',
  },
  open247: 'Abierto las 24 horas',
  openNow: 'Abierto ahora',
  openUntil: (time) => `Abierto ahora · hasta ${time}`,
  closedNow: 'Cerrado',
  closedOpens: (when) => `Cerrado · abre ${when}`,
  hoursAsWritten: (hours) => `Horario: ${hours}`,
  closedDay: 'cerrado',
  midnight: 'medianoche',
  stationCount: { one: '# estación cerca', many: '# de estaciones cerca', other: '# estaciones cerca' } as PluralForms,
};

export default es;
