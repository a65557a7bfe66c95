using Chatobuy.Inbox.CloudApi;
using Chatobuy.Inbox.Components;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Health;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Features.Outbound;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Features.Webhooks;
using Chatobuy.Inbox.Sandbox;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings();

builder.Services.AddInboxComponents();
builder.Services.AddControllers();
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddData(builder.Configuration, builder.Environment);
builder.Services.AddUsers();
builder.Services.AddCloudApi();
builder.Services.AddChannels();
builder.Services.AddWebhooks();
builder.Services.AddInbox(builder.Configuration);
builder.Services.AddOutbound();
builder.Services.AddIntegrationApi();
builder.AddSandbox();

var app = builder.Build();

await app.MigrateDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseWhen(
    context => IsPageRequest(context.Request.Path),
    pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseSetupGate();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapHealth();
app.MapUsers();
app.MapWebhooks();
app.MapInbox();
app.MapIntegrationApi();
app.MapSandbox();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

// Machine endpoints answer with their own status codes and bodies; only pages get the friendly "not found" page.
static bool IsPageRequest(PathString path) =>
    !path.StartsWithSegments("/webhooks") && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/sandbox/graph") && !path.StartsWithSegments("/sandbox/customers")
    && !path.StartsWithSegments("/sandbox/statuses") && !path.StartsWithSegments("/sandbox/media")
    && !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/hubs") && !path.StartsWithSegments("/_blazor");

/// <summary>Entry point; public for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
