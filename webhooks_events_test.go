package clockify

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWebhookEventTypes_holdTheReferenceEnum(t *testing.T) {
	assert.Len(t, WebhookEventTypes, 51)
	seen := map[WebhookEventType]bool{}
	for _, e := range WebhookEventTypes {
		assert.False(t, seen[e], "listed twice: %s", e)
		seen[e] = true
		assert.True(t, e.Valid())
	}
	assert.False(t, WebhookEventType("USER_JOINED").Valid())
	assert.True(t, WebhookUserUpdated.IsUserEvent())
	assert.False(t, WebhookUserGroupUpdated.IsUserEvent())
	assert.True(t, WebhookUserGroupUpdated.IsGroupEvent())
	assert.False(t, WebhookUsersInvitedToWorkspace.IsUserEvent(), "USERS_ is a batch, not one user")
}
