@UAT-P2P-003 @owner:procure-to-pay @area:procure-to-pay @channel:wholesale @severity:normal @requires:sale_stock @requires:purchase_stock
Feature: Automatic replenishment when an order takes stock below its minimum

  An automatic reordering rule buys as soon as a confirmed order takes the
  forecast below the minimum, up to the maximum. The vendor delivers in
  part; the customer gets what has arrived and the rest follows.

  Scenario: An order of 6 with 2 on hand and a rule of 5 to 10: buy 14, receive 9, ship 6
    Given a storable product "Corner bracket" with 2 units on hand
    And "Corner bracket" is bought from vendor "Fixings Direct" at 1.80 with an automatic reordering rule of minimum 5 and maximum 10
    And a customer "Alpine Ski House"
    When the account manager enters a quotation for "Alpine Ski House" of 6 "Corner bracket"
    And the account manager confirms the order
    Then a purchase order is waiting for the vendor with:
      | product        | quantity |
      | Corner bracket | 14       |
    When the buyer confirms the purchase order
    And the warehouse receives and keeps the rest as a backorder:
      | product        | quantity |
      | Corner bracket | 9        |
    Then a backorder of 5 units is waiting to be received
    When the warehouse ships what is available and keeps the rest as a backorder
    Then no backorder is left
    And the order shows 6 delivered and 0 still to deliver
