package main

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBulkCapacityOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, "PT6H", "MONDAY,TUESDAY,WEDNESDAY", "", false))
	got := out.String()
	assert.Contains(t, got, "210 members: capacity PT6H, working days MONDAY,TUESDAY,WEDNESDAY")
	assert.Contains(t, got, "changed: 207")
	assert.Contains(t, got, "refused (member is inactive): Oliver Grant")
	assert.Contains(t, got, "refused (the owner's profile cannot be edited): Maya Lindqvist")
}

func TestBulkCapacityRefusesBadDays(t *testing.T) {
	err := run(context.Background(), &strings.Builder{}, "PT6H", "MONDAY,FUNDAY", "", false)
	assert.ErrorContains(t, err, "FUNDAY")
}
