/**
 * A failure reported to the caller under the error name the service uses. The HTTP status comes
 * from the model's error shape when the service models the error; the front door's own errors
 * (authentication, unknown operation, malformed body) are not in the models and carry it here.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = code;
  }
}
