/** A point in WGS84 degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/** How suggestions are ranked; see the README's "Ranking". */
export type Mode = 'fair' | 'total' | 'buyer';

export type StationKind = 'police' | 'sheriff' | 'transit-police' | 'other';

export type Feature = 'video' | 'lit' | 'signage' | 'parking' | 'indoor' | 'staffed' | 'accessible';

export type Weekday = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';

/** Weekly opening hours: each listed day holds `"HH:MM-HH:MM"` ranges; an empty list is a closed day. */
export type WeeklyHours = Partial<Record<Weekday, string[]>>;

/** One safe-trade station, as it stands in a validated dataset. */
export interface Station {
  id: string;
  name: string;
  address: string;
  country: string;
  lat: number;
  lng: number;
  locality?: string;
  region?: string;
  postcode?: string;
  agency?: string;
  kind?: StationKind;
  hours?: '24/7' | WeeklyHours;
  timezone?: string;
  features?: Feature[];
  spot?: string;
  phone?: string;
  url?: string;
  notes?: string;
  source?: string;
  verified?: string;
}

/** A dataset in format version 1. */
export interface Dataset {
  format: 'safetrade-stations';
  version: 1;
  name?: string;
  updated?: string;
  attribution?: string[];
  stations: Station[];
}

/** One station left out of a dataset, or one optional field dropped, and why. */
export interface DatasetIssue {
  index: number;
  id?: string;
  reason: string;
}

export interface ParsedDataset {
  /** Valid, de-duplicated stations, in dataset order. */
  stations: Station[];
  /** Stations left out, and why. */
  rejected: DatasetIssue[];
  /** Optional fields dropped from kept stations, and why. */
  warnings: DatasetIssue[];
  /** The dataset's `name`, when it has a valid one. */
  name?: string;
  /** The dataset's `updated` date, when valid. */
  updated?: string;
  /** Credits the data's licences ask for; show them beside the data. */
  attribution: string[];
}

/** A ranked station with each party's great-circle distance to it, in km. */
export interface Suggestion {
  station: Station;
  sellerKm: number;
  buyerKm: number | null;
}

export interface Parties {
  seller: LatLng;
  buyer?: LatLng | null;
}

export interface RankOptions {
  /** Ranking rule; default `fair`. */
  mode?: Mode;
  /** How many suggestions at most; default 3. */
  limit?: number;
  /** A station farther than this from any known party is never suggested; default 40. */
  maxDistanceKm?: number;
}
