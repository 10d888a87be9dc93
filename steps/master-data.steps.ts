import { haveCustomer, haveStorableProduct } from '../scenarios/master-data';
import { Given } from '../support/fixtures';
import './parameters';

Given('a storable product {string} with {int} units on hand', async ({ uat }, alias: string, units: number) => {
  await haveStorableProduct(uat, alias, units);
});

Given('a storable product {string} priced at {float} with {int} units on hand', async ({ uat }, alias: string, price: number, units: number) => {
  await haveStorableProduct(uat, alias, units, { price });
});

Given('a customer {string}', async ({ uat }, alias: string) => {
  await haveCustomer(uat, alias);
});
