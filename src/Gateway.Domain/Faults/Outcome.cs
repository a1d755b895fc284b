using System.Diagnostics.CodeAnalysis;

namespace Gateway.Domain.Faults;

/// <summary>The result of an operation: its value, or the refusal that replaced it.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly struct Outcome<T>
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>The value, when the operation succeeded.</summary>
    public T? Value { get; }

    /// <summary>The refusal, when it did not.</summary>
    public Refusal? Refusal { get; }

    /// <summary>Whether the operation was refused.</summary>
    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsRefused => Refusal is not null;

    /// <summary>A successful outcome.</summary>
    public static implicit operator Outcome<T>(T value) => new(value, null);

    /// <summary>A refused outcome.</summary>
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}
