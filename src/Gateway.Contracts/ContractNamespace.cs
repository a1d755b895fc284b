namespace Gateway.Contracts;

/// <summary>The XML namespaces of the published contract. A breaking change gets a new version.</summary>
public static class ContractNamespace
{
    /// <summary>Version 1 of the ContactCourse contract: messages, types, code lists and the fault detail.</summary>
    public const string V1 = "urn:dk:ams:contactcourse:v1";
}
