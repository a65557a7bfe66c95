using Chatobuy.Inbox.Components.Shared;
using MudBlazor.Services;

namespace Chatobuy.Inbox.Components;

public static class ComponentsExtensions
{
    /// <summary>Blazor (interactive server), MudBlazor and the shared UI helpers.</summary>
    public static IServiceCollection AddInboxComponents(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            // Toasts sit bottom-right, away from the page's own buttons in the top right (Sync now, New template, Save),
            // and a confirmation goes after a few seconds.
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });
        services.AddScoped<Clipboard>();
        services.AddSingleton<People>();
        return services;
    }
}
