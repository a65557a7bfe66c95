namespace Chatobuy.Inbox.CloudApi;

/// <summary>
/// Hears when Meta refuses the token of a saved account (code 190 on any Graph call made with a connection that has an
/// <see cref="GraphConnection.OwnerKey"/>). Registered in the container; <see cref="GraphClient"/> calls every one.
/// </summary>
public interface IGraphRefusalObserver
{
    Task TokenRefusedAsync(GraphConnection connection, GraphError error, CancellationToken cancellationToken);
}
