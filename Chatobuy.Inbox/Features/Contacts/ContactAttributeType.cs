namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>What a custom contact attribute holds, and so how its value is checked.</summary>
public enum ContactAttributeType
{
    Text,
    Number,
    Date,
    List,
}
