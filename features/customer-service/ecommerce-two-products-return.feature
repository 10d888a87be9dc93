@UAT-CS-005 @owner:customer-service @area:customer-service @channel:ecommerce @severity:normal @requires:website_sale @requires:payment_demo @requires:sale_stock
Feature: eCommerce order of two products, one item returned and refunded

  A shop customer buys two products and pays online. One of them comes
  back: the warehouse receives it, finance credits that item and pays it
  back, and the rest of the order stands.

  Scenario: A lamp and a desk mat bought in the shop, the mat returned and refunded
    Given a product "Reading lamp" sold in the shop at 35 with 10 units on hand
    And a product "Desk mat" sold in the shop at 15 with 10 units on hand
    And payments are booked through outstanding accounts
    When a shop customer buys with the demo payment provider:
      | product      | quantity |
      | Reading lamp | 1        |
      | Desk mat     | 2        |
    Then the shop order is confirmed and paid online
    When the warehouse ships the delivery in full
    And finance invoices the order
    Then the invoice is posted with:
      | product      | quantity |
      | Reading lamp | 1        |
      | Desk mat     | 2        |
    When the warehouse takes back:
      | product  | quantity |
      | Desk mat | 1        |
    Then the stock is back by 1 unit
    When finance issues a credit note for:
      | product  | quantity |
      | Desk mat | 1        |
    And finance pays the refund
    Then the credit note is posted and paid back for:
      | product  | quantity |
      | Desk mat | 1        |
