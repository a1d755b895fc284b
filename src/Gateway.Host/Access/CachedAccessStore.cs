using System.Collections.Concurrent;
using Gateway.Data.Agreements;
using Gateway.Domain.Agreements;
using Gateway.Host.Telemetry;

namespace Gateway.Host.Access;

/// <summary>
/// Certificates and agreements as the gateway decides on them, cached so that steady-state calls cost no database
/// round trip. PostgreSQL announces every change (<see cref="Background.AccessChangeListener"/>) and the cache is emptied at
/// once; while that announcement cannot be heard, nothing is cached.
/// </summary>
internal sealed class CachedAccessStore(AccessStore store, GatewayMetrics metrics) : IAccessStore
{
    private readonly ConcurrentDictionary<string, RegisteredCertificate?> _certificates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Agreement?> _agreements = new();
    private volatile bool _listening;
    private long _generation;

    /// <summary>Whether changes are being heard, so that caching is safe.</summary>
    public bool IsCaching => _listening;

    public async Task<RegisteredCertificate?> FindCertificateAsync(string thumbprint, CancellationToken cancellationToken)
    {
        if (_listening && _certificates.TryGetValue(thumbprint, out var cached))
        {
            metrics.Lookup("certificate", cached: true);
            return cached;
        }

        metrics.Lookup("certificate", cached: false);
        var generation = Interlocked.Read(ref _generation);
        var found = await store.FindCertificateAsync(thumbprint, cancellationToken);
        Remember(_certificates, thumbprint, found, generation);
        return found;
    }

    public async Task<Agreement?> FindAgreementAsync(Guid id, CancellationToken cancellationToken)
    {
        if (_listening && _agreements.TryGetValue(id, out var cached))
        {
            metrics.Lookup("agreement", cached: true);
            return cached;
        }

        metrics.Lookup("agreement", cached: false);
        var generation = Interlocked.Read(ref _generation);
        var found = await store.FindAgreementAsync(id, cancellationToken);
        // Agreement ids are the caller's to invent: remembering every unknown one would let a caller fill the memory.
        if (found is not null)
        {
            Remember(_agreements, id, found, generation);
        }

        return found;
    }

    /// <summary>Something changed: forget everything.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _certificates.Clear();
        _agreements.Clear();
    }

    /// <summary>Changes are heard (again): start caching, from empty.</summary>
    public void Listening()
    {
        Invalidate();
        _listening = true;
    }

    /// <summary>Changes can no longer be heard: stop trusting the cache.</summary>
    public void Deaf()
    {
        _listening = false;
        Invalidate();
    }

    // A value read before an invalidation must not be cached after it: it may predate the change.
    private void Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value, long generation)
        where TKey : notnull
    {
        if (_listening && Interlocked.Read(ref _generation) == generation)
        {
            cache[key] = value;
            if (Interlocked.Read(ref _generation) != generation)
            {
                cache.TryRemove(key, out _);
            }
        }
    }
}
