namespace Chatobuy.Inbox.Features.Labels;

public static class LabelsExtensions
{
    public static IServiceCollection AddLabels(this IServiceCollection services)
    {
        services.AddSingleton<LabelValidator>();
        services.AddSingleton<LabelService>();
        return services;
    }
}
