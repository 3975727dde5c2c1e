// Confirmations (Popconfirm) that send a request.

/**
 * For a Popconfirm's onConfirm: returning the request keeps the confirmation open and busy until
 * the server answers, so a second click cannot send it twice. A failure is the mutation's own
 * onError to tell; here it is settled, not thrown again.
 */
export const untilAnswered = (request: Promise<unknown>): Promise<void> =>
  request.then(
    () => undefined,
    () => undefined,
  );
