export const NAME_MAX_LENGTH = 100;
export const DESCRIPTION_MAX_LENGTH = 2000;
export const CODE_MAX_LENGTH = 40;
export const LOCATION_MAX_LENGTH = 200;
export const FEE_NOTE_MAX_LENGTH = 500;
export const OFFICE_NAME_MAX_LENGTH = 100;
export const PHONE_MAX_LENGTH = 20;

export const FLOOR_RANGE = { min: -5, max: 99 };
export const CAPACITY_RANGE = { min: 1, max: 5000 };
export const LENGTH_RANGE_MINUTES = { min: 5, max: 24 * 60 };
export const LEAD_TIME_RANGE_MINUTES = { min: 0, max: 365 * 24 * 60 };
export const HORIZON_RANGE_DAYS = { min: 1, max: 730 };
export const BUFFER_RANGE_MINUTES = { min: 0, max: 240 };
export const QUOTA_RANGE_MINUTES = { min: 60, max: 744 * 60 };
export const CUTOFF_RANGE_MINUTES = { min: 0, max: 30 * 24 * 60 };

/** Room photos: the upload's size, its pixels (a decompression bomb stops there) and how many a room shows. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_MAX_PIXELS = 40_000_000;
export const PHOTOS_PER_ROOM = 8;
export const PHOTO_ALT_MAX_LENGTH = 200;
