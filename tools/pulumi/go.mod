// Pins the Pulumi engine (CLI) used by this repo's integration tests.
// Built by scripts/ensure-pulumi.sh into a cache outside the checkout.
module pulumi-customer-profiles-integration/tools/pulumi

go 1.26.6

// Keep in lock-step with the @pulumi/pulumi npm version used by the project.
require (
	github.com/pulumi/pulumi/pkg/v3 v3.276.0
	github.com/pulumi/pulumi/sdk/v3 v3.276.0
)

// Replace directives of dependencies are ignored by Go, so the forks that
// pulumi's own pkg/go.mod and sdk/go.mod use must be repeated here.
// (pkg/go.mod's "sdk/v3 => ../sdk" is a monorepo-local path and is replaced
// by the plain require above.)
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e

replace golang.org/x/text => golang.org/x/text v0.41.0
