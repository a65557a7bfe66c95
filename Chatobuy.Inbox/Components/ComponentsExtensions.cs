using Chatobuy.Inbox.Components.Shared;
using MudBlazor.Services;

namespace Chatobuy.Inbox.Components;

public static class ComponentsExtensions
{
    /// <summary>Blazor (interactive server), MudBlazor and the shared UI helpers.</summary>
    public static IServiceCollection AddInboxComponents(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<Clipboard>();
        services.AddSingleton<People>();
        return services;
    }
}
