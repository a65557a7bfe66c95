using FluentValidation;

namespace Chatobuy.Inbox.Features.Channels;

public static class ChannelsExtensions
{
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddOptions<InboxOptions>()
            .BindConfiguration(InboxOptions.SectionName)
            .Validate(
                o => string.IsNullOrWhiteSpace(o.PublicBaseUrl)
                    || (Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"),
                "Inbox:PublicBaseUrl must be empty or an absolute http(s) address, e.g. https://inbox.example.com.")
            .ValidateOnStart();
        services.AddSingleton<GraphTargets>();
        services.AddSingleton<ChannelSecrets>();
        services.AddSingleton<ChannelDirectory>();
        services.AddScoped<ChannelService>();
        services.AddScoped<ChannelSetupService>();
        services.AddValidatorsFromAssemblyContaining<ChannelSecrets>(includeInternalTypes: true);
        return services;
    }
}
