/** The header the web front door puts the client's address in for better-auth; only we may set it. */
export const CLIENT_IP_HEADER = 'x-newsloom-client-ip';
