using Chatobuy.Inbox.Events;

namespace Chatobuy.Inbox.Features.Assignment;

public static class AssignmentExtensions
{
    /// <summary>
    /// Fair assignment: round robin among online agents or the first agent who replies, per channel, off the webhook's
    /// path. Who is online is what agents show in the top bar (<see cref="Availability.AgentAvailability"/>: Online,
    /// signed in and active).
    /// </summary>
    public static IServiceCollection AddAssignment(this IServiceCollection services)
    {
        services.AddOptions<AssignmentOptions>().BindConfiguration(AssignmentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AutoAssigner>();
        services.AddSingleton<WakeSignal<AutoAssignmentWorker>>();
        services.AddHostedService<AutoAssignmentWorker>();
        return services;
    }
}
