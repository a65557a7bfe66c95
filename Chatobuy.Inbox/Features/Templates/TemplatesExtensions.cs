namespace Chatobuy.Inbox.Features.Templates;

public static class TemplatesExtensions
{
    public static IServiceCollection AddTemplates(this IServiceCollection services)
    {
        services.AddOptions<TemplatesOptions>()
            .BindConfiguration(TemplatesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<TemplateSync>();
        services.AddScoped<TemplateManager>();
        services.AddSingleton<TemplateDraftValidator>();
        services.AddSingleton<TemplateLiveUpdates>();
        services.AddHostedService(provider => provider.GetRequiredService<TemplateLiveUpdates>());
        services.AddHostedService<TemplateSyncWorker>();
        return services;
    }
}
