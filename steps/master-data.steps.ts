import { haveCustomer, haveStorableProduct, haveStorableProducts } from '../scenarios/master-data';
import { Given } from './define';
import './parameters';
import { productsTable } from './tables';

Given('a storable product {string} with {int} units on hand', { needs: ['stock adjustments'] }, async ({ uat }, alias: string, units: number) => {
  await haveStorableProduct(uat, alias, units);
});

Given('a storable product {string} priced at {float} with {int} units on hand', { needs: ['stock adjustments'] }, async ({ uat }, alias: string, price: number, units: number) => {
  await haveStorableProduct(uat, alias, units, { price });
});

Given('storable products with:', { needs: ['stock adjustments'], table: productsTable }, async ({ uat, table: rows }) => {
  await haveStorableProducts(uat, rows);
});

Given('a customer {string}', async ({ uat }, alias: string) => {
  await haveCustomer(uat, alias);
});
