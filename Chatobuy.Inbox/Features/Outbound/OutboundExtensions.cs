using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chatobuy.Inbox.Features.Outbound;

public static class OutboundExtensions
{
    /// <summary>
    /// Pool threads ready at once. The pacer counts a request when it leaves and needs wake-ups on time; SQLite's
    /// asynchronous calls block pool threads, and when they are all blocked the pool adds threads slowly, holding every
    /// timer and request up together (0.3–1.3 s measured on 2 busy cores), so that requests which left a second apart
    /// reach Meta at once. With this floor the hold-ups stay under about 0.1 s.
    /// </summary>
    public const int MinPoolThreads = 64;

    public static IServiceCollection AddOutbound(this IServiceCollection services)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < MinPoolThreads)
        {
            ThreadPool.SetMinThreads(MinPoolThreads, completionPorts);
        }

        services.AddOptions<OutboundOptions>()
            .BindConfiguration(OutboundOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddKeyedSingleton(OutboundSender.PacingClock, TimeProvider.System);
        services.AddSingleton<SendRequestValidator>();
        services.AddSingleton<OutboundService>();
        services.AddSingleton<OutboundSender>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboundSender>());
        return services;
    }
}
