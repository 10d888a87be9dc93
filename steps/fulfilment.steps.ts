import { cancelBackorder, expectBackorderWaiting, expectBackorderWaitingWith, expectNoBackorder, ship } from '../scenarios/fulfilment';
import type { Actor } from '../support/actors';
import { Then, When } from './define';
import './parameters';
import { goodsTable } from './tables';

When('{actor} ships {int} units and keeps the rest as a backorder', { needs: ['one-step deliveries'] }, async ({ uat }, actor: Actor, units: number) => {
  await ship(uat, actor, { units }, 'backorder');
});

When('{actor} ships and keeps the rest as a backorder:', { needs: ['one-step deliveries'], table: goodsTable }, async ({ uat, table: rows }, actor: Actor) => {
  await ship(uat, actor, { rows }, 'backorder');
});

When('{actor} ships {int} units and cancels the rest', { needs: ['one-step deliveries'] }, async ({ uat }, actor: Actor, units: number) => {
  await ship(uat, actor, { units }, 'no-backorder');
});

When('{actor} ships and cancels the rest:', { needs: ['one-step deliveries'], table: goodsTable }, async ({ uat, table: rows }, actor: Actor) => {
  await ship(uat, actor, { rows }, 'no-backorder');
});

When('{actor} ships what is available and cancels the rest', { needs: ['one-step deliveries'] }, async ({ uat }, actor: Actor) => {
  await ship(uat, actor, { available: true }, 'no-backorder');
});

When('{actor} ships what is available and keeps the rest as a backorder', { needs: ['one-step deliveries'] }, async ({ uat }, actor: Actor) => {
  await ship(uat, actor, { available: true }, 'backorder');
});

When('{actor} ships the delivery in full', { needs: ['one-step deliveries'] }, async ({ uat }, actor: Actor) => {
  await ship(uat, actor, { all: true });
});

Then('a backorder of {int} unit(s) is waiting to be shipped', async ({ uat }, units: number) => {
  await expectBackorderWaiting(uat, units, 'outgoing');
});

Then('a backorder is waiting to be shipped with:', { table: goodsTable }, async ({ uat, table: rows }) => {
  await expectBackorderWaitingWith(uat, rows, 'outgoing');
});

When('{actor} cancels the backorder', async ({ uat }, actor: Actor) => {
  await cancelBackorder(uat, actor);
});

Then('no backorder is left', async ({ uat }) => {
  await expectNoBackorder(uat);
});
