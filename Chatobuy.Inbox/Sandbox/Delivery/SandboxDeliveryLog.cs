namespace Chatobuy.Inbox.Sandbox.Delivery;

/// <summary>Recent webhook deliveries and the delivery state of each update; raises <see cref="Changed"/> on every change.</summary>
public sealed class SandboxDeliveryLog(TimeProvider time)
{
    private const int MaxDeliveries = 200;
    private const int MaxItems = 5000;

    private readonly Lock _gate = new();
    private readonly LinkedList<SandboxDelivery> _deliveries = new();
    private readonly Dictionary<string, SandboxItemDelivery> _items = new(StringComparer.Ordinal);
    private readonly Queue<string> _itemOrder = new();
    private long _next;

    /// <summary>Raised after any change, on the thread that made it.</summary>
    public event Action? Changed;

    /// <summary>Newest first.</summary>
    public IReadOnlyList<SandboxDelivery> Recent
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.ToList();
            }
        }
    }

    public SandboxItemDelivery? StateOf(string itemId)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(itemId);
        }
    }

    public void Queued(string itemId)
    {
        lock (_gate)
        {
            SetItem(itemId, new SandboxItemDelivery(SandboxDeliveryState.Queued, 0, null));
        }

        Changed?.Invoke();
    }

    /// <summary>Records a new delivery and returns its number.</summary>
    public long Started(string? url, string phoneNumberId, IReadOnlyList<string> itemIds, SandboxDeliveryState state, string? note = null)
    {
        long number;
        lock (_gate)
        {
            number = ++_next;
            _deliveries.AddFirst(new SandboxDelivery(number, time.GetUtcNow(), url, phoneNumberId, itemIds, state, 0, null, note));
            while (_deliveries.Count > MaxDeliveries)
            {
                _deliveries.RemoveLast();
            }

            foreach (var itemId in itemIds)
            {
                SetItem(itemId, new SandboxItemDelivery(state, 0, note));
            }
        }

        Changed?.Invoke();
        return number;
    }

    public void Updated(long number, SandboxDeliveryState state, int attempts, int? httpStatus, string? note)
    {
        lock (_gate)
        {
            for (var node = _deliveries.First; node is not null; node = node.Next)
            {
                if (node.Value.Number != number)
                {
                    continue;
                }

                node.Value = node.Value with { State = state, Attempts = attempts, HttpStatus = httpStatus, Note = note };
                foreach (var itemId in node.Value.ItemIds)
                {
                    SetItem(itemId, new SandboxItemDelivery(state, attempts, note));
                }

                break;
            }
        }

        Changed?.Invoke();
    }

    private void SetItem(string itemId, SandboxItemDelivery delivery)
    {
        if (!_items.ContainsKey(itemId))
        {
            _itemOrder.Enqueue(itemId);
            while (_itemOrder.Count > MaxItems)
            {
                _items.Remove(_itemOrder.Dequeue());
            }
        }

        _items[itemId] = delivery;
    }
}
