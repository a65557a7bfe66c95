using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Interactive;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatobuy.Inbox.Features.Outbound;

public static class OutboundExtensions
{
    public static IServiceCollection AddOutbound(this IServiceCollection services)
    {
        services.AddOptions<OutboundOptions>()
            .BindConfiguration(OutboundOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddKeyedSingleton(OutboundSender.PacingClock, TimeProvider.System);
        services.AddSingleton<SendRequestValidator>();
        services.AddSingleton<OutboundService>();
        services.AddSingleton<OutboxClaims>();
        services.AddSingleton<OutboundSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboundSender>());

        // Saved interactive messages made ready for one contact: the composer and the send API use it.
        services.TryAddSingleton<InteractiveSending>();
        services.Configure<OpenApiOptions>(ApiDocument.Name, options => options.AddSchemaTransformer<SendMessageBodySchema>());
        return services;
    }
}
