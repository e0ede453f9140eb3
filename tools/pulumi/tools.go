//go:build tools

// Package tools records the Go programs this module builds so that
// `go mod tidy` keeps their dependencies in go.mod/go.sum.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
