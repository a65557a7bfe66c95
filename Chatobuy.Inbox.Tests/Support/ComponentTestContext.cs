using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Chatobuy.Inbox.Tests.Support;

/// <summary>bUnit context with MudBlazor's services and providers, and loose JS interop.</summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        JSInterop.Setup<bool>("chatobuy.copyText", _ => true).SetResult(true);
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddScoped<Chatobuy.Inbox.Components.Shared.Clipboard>();
        Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>Renders the MudBlazor providers that dialogs, popovers and snackbars need.</summary>
    protected IRenderedComponent<MudProviders> RenderProviders() => Render<MudProviders>();

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void Dispose(bool disposing)
    {
        // Disposal happens in IAsyncLifetime.DisposeAsync.
    }
}
