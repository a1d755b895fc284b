namespace Gateway.Domain.Supervision;

/// <summary>One figure of the supervision report (domain.md § 9), as a supervisor reads it.</summary>
/// <param name="Id">The stable id, used in every format of the report.</param>
/// <param name="English">Its label in English.</param>
/// <param name="Danish">Its label in Danish.</param>
/// <param name="Definition">What exactly is counted: the definition the query carries out, printed beside the number.</param>
public sealed record SupervisionFigure(string Id, string English, string Danish, string Definition);
