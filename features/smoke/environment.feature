@smoke @UAT-ENV-001 @owner:master-data @area:platform @channel:all @severity:blocker
Feature: The Odoo test environment is ready for acceptance testing

  Before any business scenario runs, QA confirms that the target Odoo answers
  and runs a version the harness supports.

  Scenario: The target Odoo answers with a supported version
    When QA checks the Odoo test environment
    Then Odoo answers with a version from 17 onwards
