/** The largest file hosted data keeps (the data API and the collection page's upload): 16 MB. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
