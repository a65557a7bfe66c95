using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatobuy.Inbox.Features.Interactive;

public static class InteractiveExtensions
{
    /// <summary>The per-channel library of interactive messages, its builder's checks and the channel catalogs it picks products from.</summary>
    public static IServiceCollection AddInteractive(this IServiceCollection services)
    {
        services.TryAddSingleton<InteractiveObjectValidator>();
        services.AddSingleton<InteractiveMessageDraftValidator>();
        services.AddScoped<InteractiveLibrary>();
        services.AddSingleton<InteractiveCatalogs>();
        return services;
    }
}
