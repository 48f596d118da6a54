namespace OmoiOs.Tests;
