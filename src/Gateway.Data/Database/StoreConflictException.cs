namespace Gateway.Data.Database;

/// <summary>
/// The database refused a change because it conflicts with what is stored (a duplicate, a reference to something that
/// is not there, a broken check): what another operator's concurrent change leaves. Nothing was changed.
/// </summary>
public sealed class StoreConflictException(string message, Exception inner) : Exception(message, inner);
