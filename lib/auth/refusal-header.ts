/** The request header proxy.ts sets to the page's path, for the refusal page to say which page. */
export const PATH_HEADER = "x-tatami-path";
