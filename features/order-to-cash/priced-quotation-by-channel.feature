@UAT-O2C-006 @owner:order-to-cash @area:order-to-cash @severity:normal @requires:sale_stock @requires:account
Feature: Negotiated prices and discounts, by channel

  Telesales and field sales both negotiate: a line's price and discount are
  what the salesperson agreed, and the order total follows from them.

  Scenario Outline: A negotiated price and discount taken by <who>
    Given storable products with:
      | product          | on hand | price |
      | Conference table | 5       | 900   |
      | Meeting chair    | 40      | 80    |
    And a customer "Tailspin Toys"
    When <who> enters a quotation for "Tailspin Toys" with:
      | product          | quantity | price   | discount   |
      | Conference table | 1        | <table> | <discount> |
      | Meeting chair    | 8        | 75      |            |
    And <who> confirms the order
    Then the order line "Conference table" is priced at <table> with a discount of <discount>%
    And the order line "Meeting chair" is priced at 75 with a discount of 0%
    And the order totals <total> before tax

    @channel:telesales
    Examples: Over the phone
      | who                 | table | discount | total   |
      | the telesales agent | 850   | 10       | 1365.00 |

    @channel:field-sales
    Examples: On a customer visit
      | who                 | table | discount | total   |
      | the field sales rep | 880   | 5        | 1436.00 |
