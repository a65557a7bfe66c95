using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Components;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Events;
using Chatobuy.Inbox.Features.Alerts;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Assignment;
using Chatobuy.Inbox.Features.Availability;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Contacts;
using Chatobuy.Inbox.Features.Forwarding;
using Chatobuy.Inbox.Features.Health;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Labels;
using Chatobuy.Inbox.Features.Mail;
using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Features.Notifications;
using Chatobuy.Inbox.Features.Notes;
using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Profile;
using Chatobuy.Inbox.Features.QuickReplies;
using Chatobuy.Inbox.Features.Store;
using Chatobuy.Inbox.Features.Templates;
using Chatobuy.Inbox.Features.Templates.Sending;
using Chatobuy.Inbox.Features.Usage;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Features.Webhooks;
using Chatobuy.Inbox.Hosting;
using Chatobuy.Inbox.Sandbox;

PoolThreads.EnsureFloor();
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings();

builder.Services.AddInboxComponents();
builder.Services.AddControllers();
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddData(builder.Configuration, builder.Environment);
builder.Services.AddInboxEvents(builder.Configuration);
builder.Services.AddUsers();
builder.Services.AddCloudApi();
builder.Services.AddChannels();
builder.Services.AddWebhooks();
builder.Services.AddInbox(builder.Configuration);
builder.Services.AddMedia();
builder.Services.AddOutbound();
builder.Services.AddProfile();
builder.Services.AddTemplateSending();
builder.Services.AddContacts();
builder.Services.AddLabels();
builder.Services.AddIntegrationApi();
builder.Services.AddTemplates();
builder.Services.AddInteractive();
builder.Services.AddPayments();
builder.Services.AddUsage();
builder.Services.AddStore();
builder.Services.AddOrders();
builder.Services.AddForwarding();
builder.Services.AddMail();
builder.Services.AddAlerts();
builder.Services.AddAssignment();
builder.Services.AddNotifications();
builder.Services.AddAvailability();
builder.Services.AddQuickReplies();
builder.Services.AddNotes();
builder.AddSandbox();

var app = builder.Build();

await app.MigrateDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

// Only pages get the friendly "not found" page; machine endpoints keep their own status codes and bodies.
app.UseWhen(
    context => !MachinePaths.Matches(context.Request.Path),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseIntegrationApiErrors();
app.UseSetupGate();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapStaticAssets().AllowAnonymous();
app.MapHealth();
app.MapUsers();
app.MapWebhooks();
app.MapPayments();
app.MapInbox();
app.MapApiV1()
    .MapChannelsApi()
    .MapConversationsApi()
    .MapStartConversationApi()
    .MapOutboundApi()
    .MapProfileApi()
    .MapTemplatesApi()
    .MapInteractiveApi()
    .MapUsageApi()
    .MapOrdersApi()
    .MapForwardingApi()
    .MapLabelsApi()
    .MapQuickRepliesApi();
app.MapSandbox();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
