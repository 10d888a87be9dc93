@UAT-CS-002 @owner:customer-service @area:customer-service @channel:wholesale @severity:normal @requires:sale_stock @requires:sale_project
Feature: Service complaint linked to delivered goods

  A customer reports a damaged unit of a delivered order. The service agent
  opens a complaint linked to the customer, the order and the delivery; the
  unit comes back through a return, and the complaint is closed. The order
  shows the complaint.

  Scenario: A damaged unit is returned and the complaint closed
    Given a storable product "Espresso machine" with 10 units on hand
    And a customer "Blue Yonder Cafes"
    And "Blue Yonder Cafes" has received an order of 3 "Espresso machine"
    When the customer reports "a damaged unit" and the service agent opens a complaint
    Then the complaint is linked to the customer, the order and the delivery
    When the warehouse takes back 1 unit
    And the service agent closes the complaint
    Then the order shows the complaint closed and the unit returned
