import { DomainError } from '../errors';

/** A feature an administrator has to turn on in the organisation settings is off: the request changes nothing. */
export class FeatureDisabledError extends DomainError {
  readonly code = 'FEATURE_DISABLED';
  constructor(
    readonly feature: string,
    readonly setting: string,
  ) {
    super(`${feature} are turned off for this organisation: an administrator can turn them on (${setting})`, undefined, {
      feature,
      setting,
    });
  }
}
