package clockify

import "strings"

// WebhookEventType is what a webhook is subscribed to, and what a delivery reports in its
// Clockify-Webhook-Event-Type header.
type WebhookEventType string

// Webhook events, every value of Clockify's API reference
// (https://docs.clockify.me/#tag/Webhooks). The member-lifecycle ones are those from
// WebhookUserJoinedWorkspace to WebhookBillableRateUpdated.
const (
	WebhookNewProject                   WebhookEventType = "NEW_PROJECT"
	WebhookNewTask                      WebhookEventType = "NEW_TASK"
	WebhookNewClient                    WebhookEventType = "NEW_CLIENT"
	WebhookNewTimerStarted              WebhookEventType = "NEW_TIMER_STARTED"
	WebhookTimerStopped                 WebhookEventType = "TIMER_STOPPED"
	WebhookTimeEntryUpdated             WebhookEventType = "TIME_ENTRY_UPDATED"
	WebhookTimeEntryDeleted             WebhookEventType = "TIME_ENTRY_DELETED"
	WebhookTimeEntrySplit               WebhookEventType = "TIME_ENTRY_SPLIT"
	WebhookNewTimeEntry                 WebhookEventType = "NEW_TIME_ENTRY"
	WebhookTimeEntryRestored            WebhookEventType = "TIME_ENTRY_RESTORED"
	WebhookNewTag                       WebhookEventType = "NEW_TAG"
	WebhookNewInvoice                   WebhookEventType = "NEW_INVOICE"
	WebhookInvoiceUpdated               WebhookEventType = "INVOICE_UPDATED"
	WebhookNewApprovalRequest           WebhookEventType = "NEW_APPROVAL_REQUEST"
	WebhookApprovalRequestStatusUpdated WebhookEventType = "APPROVAL_REQUEST_STATUS_UPDATED"
	WebhookTimeOffRequested             WebhookEventType = "TIME_OFF_REQUESTED"
	WebhookTimeOffRequestUpdated        WebhookEventType = "TIME_OFF_REQUEST_UPDATED"
	WebhookTimeOffRequestApproved       WebhookEventType = "TIME_OFF_REQUEST_APPROVED"
	WebhookTimeOffRequestRejected       WebhookEventType = "TIME_OFF_REQUEST_REJECTED"
	WebhookTimeOffRequestStarted        WebhookEventType = "TIME_OFF_REQUEST_STARTED"
	WebhookTimeOffRequestWithdrawn      WebhookEventType = "TIME_OFF_REQUEST_WITHDRAWN"
	WebhookBalanceUpdated               WebhookEventType = "BALANCE_UPDATED"
	WebhookTagUpdated                   WebhookEventType = "TAG_UPDATED"
	WebhookTagDeleted                   WebhookEventType = "TAG_DELETED"
	WebhookTaskUpdated                  WebhookEventType = "TASK_UPDATED"
	WebhookClientUpdated                WebhookEventType = "CLIENT_UPDATED"
	WebhookTaskDeleted                  WebhookEventType = "TASK_DELETED"
	WebhookClientDeleted                WebhookEventType = "CLIENT_DELETED"
	WebhookExpenseRestored              WebhookEventType = "EXPENSE_RESTORED"
	WebhookAssignmentCreated            WebhookEventType = "ASSIGNMENT_CREATED"
	WebhookAssignmentDeleted            WebhookEventType = "ASSIGNMENT_DELETED"
	WebhookAssignmentPublished          WebhookEventType = "ASSIGNMENT_PUBLISHED"
	WebhookAssignmentUpdated            WebhookEventType = "ASSIGNMENT_UPDATED"
	WebhookExpenseCreated               WebhookEventType = "EXPENSE_CREATED"
	WebhookExpenseDeleted               WebhookEventType = "EXPENSE_DELETED"
	WebhookExpenseUpdated               WebhookEventType = "EXPENSE_UPDATED"
	WebhookProjectUpdated               WebhookEventType = "PROJECT_UPDATED"
	WebhookProjectDeleted               WebhookEventType = "PROJECT_DELETED"

	WebhookUserJoinedWorkspace          WebhookEventType = "USER_JOINED_WORKSPACE"
	WebhookUserDeletedFromWorkspace     WebhookEventType = "USER_DELETED_FROM_WORKSPACE"
	WebhookUserDeactivatedOnWorkspace   WebhookEventType = "USER_DEACTIVATED_ON_WORKSPACE"
	WebhookUserActivatedOnWorkspace     WebhookEventType = "USER_ACTIVATED_ON_WORKSPACE"
	WebhookUserEmailChanged             WebhookEventType = "USER_EMAIL_CHANGED"
	WebhookUserUpdated                  WebhookEventType = "USER_UPDATED"
	WebhookUsersInvitedToWorkspace      WebhookEventType = "USERS_INVITED_TO_WORKSPACE"
	WebhookLimitedUsersAddedToWorkspace WebhookEventType = "LIMITED_USERS_ADDED_TO_WORKSPACE"
	WebhookUserGroupCreated             WebhookEventType = "USER_GROUP_CREATED"
	WebhookUserGroupUpdated             WebhookEventType = "USER_GROUP_UPDATED"
	WebhookUserGroupDeleted             WebhookEventType = "USER_GROUP_DELETED"
	WebhookCostRateUpdated              WebhookEventType = "COST_RATE_UPDATED"
	WebhookBillableRateUpdated          WebhookEventType = "BILLABLE_RATE_UPDATED"
)

// WebhookEventTypes lists every webhook event Clockify's API reference names (51).
var WebhookEventTypes = []WebhookEventType{
	WebhookNewProject, WebhookNewTask, WebhookNewClient, WebhookNewTimerStarted, WebhookTimerStopped,
	WebhookTimeEntryUpdated, WebhookTimeEntryDeleted, WebhookTimeEntrySplit, WebhookNewTimeEntry,
	WebhookTimeEntryRestored, WebhookNewTag, WebhookNewInvoice, WebhookInvoiceUpdated,
	WebhookNewApprovalRequest, WebhookApprovalRequestStatusUpdated, WebhookTimeOffRequested,
	WebhookTimeOffRequestUpdated, WebhookTimeOffRequestApproved, WebhookTimeOffRequestRejected,
	WebhookTimeOffRequestStarted, WebhookTimeOffRequestWithdrawn, WebhookBalanceUpdated, WebhookTagUpdated,
	WebhookTagDeleted, WebhookTaskUpdated, WebhookClientUpdated, WebhookTaskDeleted, WebhookClientDeleted,
	WebhookExpenseRestored, WebhookAssignmentCreated, WebhookAssignmentDeleted, WebhookAssignmentPublished,
	WebhookAssignmentUpdated, WebhookExpenseCreated, WebhookExpenseDeleted, WebhookExpenseUpdated,
	WebhookProjectUpdated, WebhookProjectDeleted,
	WebhookUserJoinedWorkspace, WebhookUserDeletedFromWorkspace, WebhookUserDeactivatedOnWorkspace,
	WebhookUserActivatedOnWorkspace, WebhookUserEmailChanged, WebhookUserUpdated, WebhookUsersInvitedToWorkspace,
	WebhookLimitedUsersAddedToWorkspace, WebhookUserGroupCreated, WebhookUserGroupUpdated, WebhookUserGroupDeleted,
	WebhookCostRateUpdated, WebhookBillableRateUpdated,
}

// Valid reports whether e is an event Clockify's API reference names.
func (e WebhookEventType) Valid() bool {
	for _, v := range WebhookEventTypes {
		if v == e {
			return true
		}
	}
	return false
}

// TriggerSourceType says what a webhook's TriggerSource ids are: the workspace itself, or the
// users, projects, ... whose events it reports.
type TriggerSourceType string

// Trigger source types, as Clockify's API reference spells them.
const (
	TriggerWorkspace  TriggerSourceType = "WORKSPACE_ID"
	TriggerUser       TriggerSourceType = "USER_ID"
	TriggerProject    TriggerSourceType = "PROJECT_ID"
	TriggerTag        TriggerSourceType = "TAG_ID"
	TriggerTask       TriggerSourceType = "TASK_ID"
	TriggerAssignment TriggerSourceType = "ASSIGNMENT_ID"
	TriggerExpense    TriggerSourceType = "EXPENSE_ID"
)

// Valid reports whether t is a trigger source type Clockify knows.
func (t TriggerSourceType) Valid() bool {
	switch t {
	case TriggerWorkspace, TriggerUser, TriggerProject, TriggerTag, TriggerTask, TriggerAssignment, TriggerExpense:
		return true
	}
	return false
}

// memberEventSources are the trigger sources a member-lifecycle event can be narrowed by. An
// event about someone or something without an id before it happens (a member joining, an
// invitation, a group) is workspace-wide; one about an existing member can be narrowed to users.
// Other events are not restricted by the SDK.
var memberEventSources = map[WebhookEventType][]TriggerSourceType{
	WebhookUserJoinedWorkspace:          {TriggerWorkspace},
	WebhookUsersInvitedToWorkspace:      {TriggerWorkspace},
	WebhookLimitedUsersAddedToWorkspace: {TriggerWorkspace},
	WebhookUserGroupCreated:             {TriggerWorkspace},
	WebhookUserGroupUpdated:             {TriggerWorkspace},
	WebhookUserGroupDeleted:             {TriggerWorkspace},
	WebhookUserDeletedFromWorkspace:     {TriggerWorkspace, TriggerUser},
	WebhookUserDeactivatedOnWorkspace:   {TriggerWorkspace, TriggerUser},
	WebhookUserActivatedOnWorkspace:     {TriggerWorkspace, TriggerUser},
	WebhookUserEmailChanged:             {TriggerWorkspace, TriggerUser},
	WebhookUserUpdated:                  {TriggerWorkspace, TriggerUser},
	WebhookCostRateUpdated:              {TriggerWorkspace, TriggerUser, TriggerProject},
	WebhookBillableRateUpdated:          {TriggerWorkspace, TriggerUser, TriggerProject},
}

func containsSource(list []TriggerSourceType, t TriggerSourceType) bool {
	for _, v := range list {
		if v == t {
			return true
		}
	}
	return false
}

func joinSources(list []TriggerSourceType) string {
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = string(v)
	}
	return strings.Join(s, " or ")
}

// IsUserEvent reports whether t is about one member: USER_JOINED_WORKSPACE,
// USER_DELETED_FROM_WORKSPACE, USER_DEACTIVATED_ON_WORKSPACE, USER_ACTIVATED_ON_WORKSPACE,
// USER_EMAIL_CHANGED or USER_UPDATED, the events User decodes.
func (t WebhookEventType) IsUserEvent() bool {
	return strings.HasPrefix(string(t), "USER_") && !t.IsGroupEvent()
}

// IsGroupEvent reports whether t is about a user group (USER_GROUP_*), the events Group decodes.
func (t WebhookEventType) IsGroupEvent() bool { return strings.HasPrefix(string(t), "USER_GROUP_") }
