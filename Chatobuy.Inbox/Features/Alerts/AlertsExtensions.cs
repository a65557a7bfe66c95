using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Features.Alerts;

public static class AlertsExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertOptions>()
            .BindConfiguration(AlertOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AlertMailer>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertMailer>());
        services.AddSingleton<ChannelHealth>();
        services.AddSingleton<IGraphRefusalObserver>(provider => provider.GetRequiredService<ChannelHealth>());
        services.AddHostedService<ChannelHealthWorker>();
        services.AddHostedService<OperationsAlerts>();
        services.AddScoped<ChannelNotices>();
        services.AddScoped<ChannelRepair>();
        return services;
    }
}
