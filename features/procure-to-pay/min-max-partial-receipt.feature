@UAT-P2P-002 @owner:procure-to-pay @area:procure-to-pay @channel:wholesale @severity:critical @requires:purchase_stock
Feature: Min/max replenishment with a receipt in part

  A reordering rule keeps a product between a minimum and a maximum: when
  stock falls below the minimum, replenishment buys up to the maximum. The
  vendor delivers part; the rest follows as a backorder of the receipt.

  Scenario: Stock of 2 under a minimum of 5: buy up to 20, receive 12, 6 to follow
    Given a storable product "Packing tape" with 2 units on hand
    And "Packing tape" is bought from vendor "Tape Masters" at 3.20 with a reordering rule of minimum 5 and maximum 20
    When replenishment runs
    Then a purchase order for 18 units is waiting for the vendor
    When the buyer confirms the purchase order
    And the warehouse receives 12 units of the purchase order and keeps the rest as a backorder
    Then a backorder of 6 units is waiting to be received
    And the purchase order shows 12 received and 6 still to receive
