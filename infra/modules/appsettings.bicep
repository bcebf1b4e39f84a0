// App settings of the production slot and the `staging` slot. Everything is shared except
// Hangfire__ServerEnabled, which is slot-sticky: the staging slot never runs background jobs
// (a build under test must not send reminders or outbox mail), and on swap each slot keeps its own
// value, so the newly promoted build starts its Hangfire server in production.

param webAppName string

@description('Settings both slots share (names and non-secret values or Key Vault references).')
param settings object

resource site 'Microsoft.Web/sites@2024-11-01' existing = {
  name: webAppName

  resource staging 'slots' existing = {
    name: 'staging'
  }
}

resource productionSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, {
    Hangfire__ServerEnabled: 'true'
  })
}

resource stagingSettings 'Microsoft.Web/sites/slots/config@2024-11-01' = {
  parent: site::staging
  name: 'appsettings'
  properties: union(settings, {
    Hangfire__ServerEnabled: 'false'
  })
}

// Slot-sticky ("deployment slot setting"): stays with the slot when the slots are swapped.
resource stickySettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'slotConfigNames'
  properties: {
    appSettingNames: [
      'Hangfire__ServerEnabled'
    ]
  }
}
