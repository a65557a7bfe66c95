namespace Chatobuy.Inbox.Features.Forwarding;

public static class ForwardingExtensions
{
    /// <summary>The forwarding webhook: the queue that reads committed events, the signed sender, and the Admins' service.</summary>
    public static IServiceCollection AddForwarding(this IServiceCollection services)
    {
        services.AddOptions<ForwardingOptions>()
            .BindConfiguration(ForwardingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Redirects are not followed (a 3xx is an answer, logged as it is); each attempt's time limit is the sender's own.
        services.AddHttpClient(ForwardingSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<ForwardingQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<ForwardingQueue>());
        services.AddSingleton<ForwardingSender>();
        services.AddHostedService(provider => provider.GetRequiredService<ForwardingSender>());
        services.AddSingleton<ForwardingService>();
        return services;
    }
}
