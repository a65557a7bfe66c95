using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Assignment;

public static class AssignmentExtensions
{
    /// <summary>
    /// Fair assignment: round robin among online agents or the first agent who replies, per channel, off the webhook's
    /// path. <see cref="IAgentAvailability"/> says who is online (by default: who has an inbox page open).
    /// </summary>
    public static IServiceCollection AddAssignment(this IServiceCollection services)
    {
        services.AddOptions<AssignmentOptions>().BindConfiguration(AssignmentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IAgentAvailability, OpenInboxAvailability>();
        services.AddSingleton<AutoAssigner>();
        services.AddSingleton<WakeSignal<AutoAssignmentWorker>>();
        services.AddHostedService<AutoAssignmentWorker>();
        return services;
    }
}
