import type { Faker, LocaleDefinition } from '@faker-js/faker';
// The English locale's own entry: the package's index loads all of its 70 locales, which cost every
// Playwright process about a second of start-up through its module loader.
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { seedFrom, shortHash } from './namespace';

/**
 * Test data for one scenario: reproducible from the run's seed and the
 * scenario's title (the same seed gives the same customers and prices),
 * and named with the scenario's namespace.
 */
export class DataFactory {
  readonly #faker: Faker;

  constructor(
    readonly namespace: string,
    seed: number,
    scenarioTitle: string,
  ) {
    // A Faker of its own per scenario, seeded apart; its constructor is the English instance's class.
    const FakerOfLocale = englishFaker.constructor as new (options: { locale: LocaleDefinition }) => Faker;
    this.#faker = new FakerOfLocale({ locale: englishFaker.rawDefinitions });
    this.#faker.seed(seedFrom(seed, scenarioTitle));
  }

  /** The Odoo name of something a feature calls by an alias: "Widget" -> "Widget [UAT-…]". */
  named(alias: string): string {
    return `${alias} [${this.namespace}]`;
  }

  customer(alias: string): { name: string; email: string; street: string; city: string; zip: string } {
    const company = this.#faker.company.name();
    return {
      name: this.named(alias === 'generated' ? company : alias),
      email: `${this.#faker.internet.username().toLowerCase().replace(/[^a-z0-9]/g, '')}.${this.namespace.toLowerCase()}@example.com`,
      street: this.#faker.location.streetAddress(),
      city: this.#faker.location.city(),
      zip: this.#faker.location.zipCode('#####'),
    };
  }

  /** A price between the bounds, in cents precision. */
  price(min = 10, max = 200): number {
    return this.#faker.number.float({ min, max, fractionDigits: 2 });
  }

  /** A short code of the scenario's own for something it calls by an alias (for Odoo fields with a length limit, such as a warehouse's code). */
  code(alias: string, length: number): string {
    return shortHash(`${this.namespace}\n${alias}`, length);
  }

  reference(prefix: string): string {
    return `${prefix}-${this.namespace}-${this.#faker.string.numeric(4)}`;
  }
}
