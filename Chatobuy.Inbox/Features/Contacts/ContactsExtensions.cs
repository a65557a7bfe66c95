namespace Chatobuy.Inbox.Features.Contacts;

public static class ContactsExtensions
{
    public static IServiceCollection AddContacts(this IServiceCollection services)
    {
        services.AddSingleton<ContactService>();
        services.AddSingleton<NewContactValidator>();
        services.AddSingleton<ConversationStarter>();
        services.AddSingleton<ContactEditValidator>();
        services.AddSingleton<ContactAttributeModelValidator>();
        services.AddSingleton<ContactProfileService>();
        return services;
    }
}
