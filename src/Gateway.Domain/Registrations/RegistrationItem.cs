namespace Gateway.Domain.Registrations;

/// <summary>The twelve items of § 2 stk. 2, numbered as in the order.</summary>
public enum RegistrationItem
{
    /// <summary>1: identification (CPR, authority, case worker, case type; the rest is automatic).</summary>
    Identification = 1,

    /// <summary>2: the interview (date held, type).</summary>
    Interview = 2,

    /// <summary>3: form of the interview.</summary>
    Form = 3,

    /// <summary>4: match category.</summary>
    MatchCategory = 4,

    /// <summary>5: employment goals.</summary>
    EmploymentGoals = 5,

    /// <summary>6: rough match (grovmatch).</summary>
    RoughMatch = 6,

    /// <summary>7: agreements on the further course.</summary>
    FurtherCourse = 7,

    /// <summary>8: offers.</summary>
    Offers = 8,

    /// <summary>9: CV status.</summary>
    CvStatus = 9,

    /// <summary>10: next contact.</summary>
    NextContact = 10,

    /// <summary>11: job-search behaviour (jobsøgeadfærd).</summary>
    JobSearchBehaviour = 11,

    /// <summary>12: the citizen's comments.</summary>
    CitizenComments = 12,
}
