import { column, optional, tableOf } from '../support/data/tables';

/** The tables steps take, shared where several steps read the same shape. */

/** | product | quantity |: units per product. */
export const goodsTable = tableOf({ product: column.text(), quantity: column.wholeNumber() });

/** | product | quantity | price | discount |: order lines; price and discount (in %) may be left out. */
export const orderLinesTable = tableOf({ product: column.text(), quantity: column.wholeNumber(), price: optional(column.amount()), discount: optional(column.percent()) });

/** | product | on hand | price |: products to create, with their stock in the main warehouse. */
export const productsTable = tableOf({ product: column.text(), 'on hand': column.wholeNumber(), price: optional(column.amount()) });
